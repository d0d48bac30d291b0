import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '../lib/Providers';
import { AuthGate } from '../components/SignIn';
import { TopBar } from '../components/TopBar';
import { THEME_BOOT_SCRIPT } from '../lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Saddle',
  description: 'Deep-learning theory experiments, trained and analysed live.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // suppressHydrationWarning: the boot script sets data-theme on <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
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
