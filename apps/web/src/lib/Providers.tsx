'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { createSaddleClient, type ConnectionState } from './client';

interface Connection {
  state: ConnectionState;
  /** Increments on every (re)connection: pages refetch what they may have missed while away. */
  epoch: number;
}

const ConnectionContext = createContext<Connection>({ state: 'connecting', epoch: 0 });

/** The socket's state and a counter that changes on each reconnection. */
export function useConnection(): Connection {
  return useContext(ConnectionContext);
}

/**
 * Creates the urql client in the browser only (the dashboard is client-rendered: its data is live
 * and the server has no socket to the API), and shares the socket's state.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client, setClient] = useState<Client | null>(null);
  const [connection, setConnection] = useState<Connection>({ state: 'connecting', epoch: 0 });
  useEffect(() => {
    const { client: created, ws } = createSaddleClient((state) =>
      setConnection((previous) => ({ state, epoch: state === 'connected' ? previous.epoch + 1 : previous.epoch })),
    );
    setClient(created);
    return () => {
      void ws.dispose();
    };
  }, []);
  if (!client) {
    return (
      <main>
        <div className="skeleton" style={{ height: 24, width: 220, marginBottom: 16 }} />
        <div className="skeleton" style={{ height: 320 }} />
      </main>
    );
  }
  return (
    <ConnectionContext.Provider value={connection}>
      <Provider value={client}>{children}</Provider>
    </ConnectionContext.Provider>
  );
}
