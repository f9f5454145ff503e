/** Shown when the router answers 401: paste an API key or a token (kept in this browser's local storage). */
import { useState } from 'react';

export function SignIn({ onSignedIn }: { onSignedIn: (credential: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <main className="signin" data-testid="sign-in">
      <h1>Sign in</h1>
      <p>This server requires authentication. Paste an API key or an access token.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onSignedIn(value.trim());
        }}
      >
        <label htmlFor="credential">API key or token</label>
        <input id="credential" data-testid="credential" type="password" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
