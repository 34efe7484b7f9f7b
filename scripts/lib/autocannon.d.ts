// The part of autocannon 9's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  /** One request of a run; `setupRequest` rewrites it before each send. */
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  }
  /** What a run measured. */
  export interface AutocannonResult {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; max: number };
    statusCodeStats: Record<string, { count: number }>;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }
  function autocannon(options: { url: string; connections: number; duration: number; requests: AutocannonRequest[] }): Promise<AutocannonResult>;
  export default autocannon;
}
