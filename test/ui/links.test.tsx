import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { decode } from '../../src/state/url-codec'
import { LinkNotice } from '../../src/ui/link-notice'
import { PresetGallery } from '../../src/ui/preset-gallery'
import { ShareBar } from '../../src/ui/share-bar'
import { renderWithStore } from './render'

describe('the link notice', () => {
  it('lists each unusable value as text, and can be dismissed', async () => {
    const link = decode('?m=<img src=x onerror=alert(1)>&d=0')
    const onDismiss = vi.fn()
    render(<LinkNotice report={link} onDismiss={onDismiss} />)
    const notice = screen.getByTestId('link-notice')
    expect(notice).toHaveTextContent('This link had 2 values the calculator could not use')
    expect(notice).toHaveTextContent('m=<img src=x onerror=alert(1)>: Memory must be a number of MB')
    expect(notice.querySelector('img')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss the notice about this link' }))
    expect(onDismiss).toHaveBeenCalledOnce()
  })

  it('says nothing for a clean link', () => {
    const { container } = render(<LinkNotice report={decode('?m=1024')} onDismiss={() => {}} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('presets', () => {
  it('each preset is a real link, and a plain click chooses it in place', async () => {
    const onChoose = vi.fn()
    render(<PresetGallery onChoose={onChoose} />)
    const link = screen.getByRole('link', { name: /REST API/ })
    expect(link).toHaveAttribute('href', '?preset=rest-api')
    await userEvent.click(link)
    expect(onChoose).toHaveBeenCalledWith('rest-api')
    expect(screen.getAllByRole('link').length).toBeGreaterThanOrEqual(8)
  })
})

describe('sharing', () => {
  it('copies the link and says so', async () => {
    const user = userEvent.setup()
    renderWithStore(
      <ShareBar shareUrl={() => 'https://calc.example/?m=1024'} onReset={() => {}} embedSnippets={async () => ({ script: 's', iframe: 'i' })} />,
    )
    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(await screen.findByText('Link copied: it reproduces this estimate exactly.')).toBeInTheDocument()
    expect(await navigator.clipboard.readText()).toBe('https://calc.example/?m=1024')
  })

  it('shows both embed snippets on demand', async () => {
    renderWithStore(
      <ShareBar
        shareUrl={() => ''}
        onReset={() => {}}
        embedSnippets={async () => ({
          script: '<script src="https://calc.example/embed.js" async></script>',
          iframe: '<iframe src="https://calc.example/?embed=1"></iframe>',
        })}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Embed' }))
    expect(await screen.findByText('<script src="https://calc.example/embed.js" async></script>')).toBeInTheDocument()
    expect(screen.getByText('<iframe src="https://calc.example/?embed=1"></iframe>')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Embed' })).toHaveAttribute('aria-expanded', 'true')
  })
})
