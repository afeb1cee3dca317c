export { createApiClient, type ApiClient, type ApiRequest, type ApiResponse, type AccessTokenSource } from './api-client';
export { ApiClientProvider, useApiClient } from './api-context';
export { ApiProblem, parseRetryAfter, type FieldError, type ProblemKind } from './problem';
export { useApiQuery, type QueryState } from './use-api-query';
