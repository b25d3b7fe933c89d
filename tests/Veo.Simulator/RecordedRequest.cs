using System;

namespace Veo.Simulator;

/// <summary>
/// One request the simulator received. <paramref name="StatusCode"/> is the status the client saw, or 0 when the
/// connection was dropped before any response. <paramref name="Body"/> has every JSON string longer than 256 characters
/// replaced by "&lt;N chars&gt;"; the Authorization value is never kept. <paramref name="ContentType"/> is the
/// Content-Type header as sent, or null.
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset At, string Method, string PathAndQuery, int StatusCode, string? Body, bool HadAuthorization, string? ContentType = null);
