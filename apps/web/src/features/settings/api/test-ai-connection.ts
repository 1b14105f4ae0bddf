import type { AiConnectionTestRequest, AiConnectionTestResult } from '@ringtonic/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Tries the AI endpoint with the saved settings, overridden by whatever the form holds unsaved. */
export function testAiConnection(workspaceId: string, input: AiConnectionTestRequest): Promise<AiConnectionTestResult> {
  return apiRequest<AiConnectionTestResult>(`/workspaces/${encodeURIComponent(workspaceId)}/ai/test`, { method: 'POST', body: input });
}

export function useTestAiConnection(workspaceId: string) {
  return useMutation({ mutationFn: (input: AiConnectionTestRequest) => testAiConnection(workspaceId, input) });
}
