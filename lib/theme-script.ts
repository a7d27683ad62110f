export const THEME_STORAGE_KEY = 'lookout-theme';

// Runs before first paint so the page never flashes the wrong theme: URL `theme`, then the saved choice, then the OS.
// A wall display is dark unless its URL says otherwise: it hangs in a room, not on the viewer's desk.
// The CSP allows it by its hash (lib/auth/csp.ts), so the layout renders exactly this text.
export const THEME_SCRIPT = `(function(){try{var d=document.documentElement;var p=new URLSearchParams(location.search).get('theme');var w=/^\\/wall(\\/|$)/.test(location.pathname);var t=(p==='light'||p==='dark')?p:w?'dark':localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}d.dataset.theme=t}catch(e){}})();`;
