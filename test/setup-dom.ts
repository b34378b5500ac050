import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// waitFor and findBy* wait for a state; their default 1 s ceiling would fail a busy machine, not the code.
configure({ asyncUtilTimeout: 30_000 })

afterEach(() => cleanup())
