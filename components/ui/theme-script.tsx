import { THEME_SCRIPT } from '@/lib/theme-script';

export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, allowed by its hash in the CSP
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
