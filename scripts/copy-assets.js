// After tsc: writes dist/styles/tokens.css from the one token list (src/styles/token-list.ts,
// compiled to dist/styles/token-list.js), so the documented CSS file can never drift from the code.
import { writeFileSync, mkdirSync } from 'node:fs';

const { tokensCss } = await import('../dist/styles/token-list.js');
mkdirSync('dist/styles', { recursive: true });
writeFileSync('dist/styles/tokens.css', tokensCss());
console.log('wrote dist/styles/tokens.css');
