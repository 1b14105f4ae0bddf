import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiBlob } from '@/lib/api-client';
import { callLogsQueryKey } from './get-call-logs';

/** The recording's audio, fetched with the access token (an <audio> element cannot send it). */
export function useRecording(workspaceId: string, callId: string, recordingUrl: string) {
  return useQuery({
    queryKey: [...callLogsQueryKey(workspaceId), 'recording', callId, recordingUrl],
    queryFn: ({ signal }) => apiBlob(recordingUrl, { signal }),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

/** A blob URL for as long as the blob is shown; revoked after. */
export function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return undefined;
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
