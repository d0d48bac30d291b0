import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '../lib/Providers';
import { AuthGate } from '../components/SignIn';
import { TopBar } from '../components/TopBar';
import './globals.css';

export const metadata: Metadata = {
  title: 'Saddle',
  description: 'Deep-learning theory experiments, trained and analysed live.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <TopBar />
          <AuthGate>
            <main>{children}</main>
          </AuthGate>
        </Providers>
      </body>
    </html>
  );
}
