/** The shell: sign-in when the router asks for it, then the project list or a project's editor. */
import { useEffect, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { credential, setCredential, UNAUTHENTICATED_EVENT } from './apollo';
import { useRoute } from './route';
import { ProjectList } from './ProjectList';
import { Editor } from './editor/Editor';
import { SignIn } from './SignIn';

export function App() {
  const route = useRoute();
  const client = useApolloClient();
  const [needsSignIn, setNeedsSignIn] = useState(false);
  useEffect(() => {
    const onUnauthenticated = () => setNeedsSignIn(true);
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  }, []);
  if (needsSignIn) {
    return (
      <SignIn
        onSignedIn={(value) => {
          setCredential(value);
          setNeedsSignIn(false);
          void client.resetStore();
        }}
      />
    );
  }
  return (
    <div className="app">
      <header className="topbar">
        <a href="#/" className="brand">
          Visual Builder
        </a>
        <span className="spacer" />
        {credential() && (
          <button
            type="button"
            onClick={() => {
              setCredential(null);
              void client.clearStore();
              setNeedsSignIn(true);
            }}
          >
            Sign out
          </button>
        )}
        <a href="/graphql">GraphiQL</a>
      </header>
      {route.page === 'project' ? <Editor key={route.projectId} projectId={route.projectId} /> : <ProjectList />}
    </div>
  );
}
