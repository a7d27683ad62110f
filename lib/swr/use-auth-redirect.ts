'use client';
import { useEffect } from 'react';
import { isAuthFailure } from './fetcher';
import { redirectToLogin } from './send-json';

/** A read that starts failing with 401/403 means the session ended: go back to /login, then return here. */
export function useAuthRedirect(error: unknown): void {
  const lost = isAuthFailure(error);
  useEffect(() => {
    if (lost) redirectToLogin('expired');
  }, [lost]);
}
