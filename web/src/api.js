// The JSON API (docs/api-contract.md): one GET helper that turns error answers into ApiError.

export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || [];
  }
}

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    query.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const url = `api/${path}${query.size ? `?${query}` : ""}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch {
    throw new ApiError(0, "The factiongraph server cannot be reached. Is `factiongraph serve` still running?");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // A non-JSON answer (a proxy page, an empty body) is reported by its status below.
  }
  if (!response.ok) {
    const error = body && body.error;
    throw new ApiError(
      response.status,
      (error && error.message) || `The server answered ${response.status} ${response.statusText}.`,
      error && error.details,
    );
  }
  return body;
}
