import { useState } from 'react';
import type { Profile } from 'post-login-widgets';
// Registers <post-login> when this module loads, before the first render.
import { PostLogin } from 'post-login-widgets/react';
import { settings } from './settings.js';

export function App() {
  const [profile, setProfile] = useState<Profile | null>(null);
  return (
    <main>
      <h1>post-login-widgets in React</h1>
      <PostLogin
        authority={settings.authority}
        clientId={settings.clientId}
        api={settings.api}
        onReady={(event) => setProfile(event.profile)}
        onSignIn={(event) => setProfile(event.profile)}
        onSignOut={() => setProfile(null)}
      />
      <p id="greeting" role="status">
        {profile ? `Welcome, ${profile.name}` : 'Nobody is signed in.'}
      </p>
    </main>
  );
}
