// Behaviour of embed-demo.html: real URLs in the code samples, each widget's
// reported total, and buttons that change an attribute to show live updates.
const appUrl = new URL('./', document.baseURI).href
for (const el of document.querySelectorAll('[data-app-url]')) el.textContent = appUrl

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

document.addEventListener('lambda-cost-change', (event) => {
  const output = document.querySelector(`.live[data-for="${event.target.id}"] output`)
  if (!output) return
  const { totalCents } = event.detail
  output.textContent = totalCents === null ? 'inputs need attention' : usd.format(totalCents / 100)
})

for (const button of document.querySelectorAll('button[data-memory]')) {
  button.addEventListener('click', () => {
    const group = button.closest('.live')
    document.getElementById(group.dataset.for)?.setAttribute('memory', button.dataset.memory)
    for (const other of group.querySelectorAll('button[data-memory]')) other.setAttribute('aria-pressed', String(other === button))
  })
}
