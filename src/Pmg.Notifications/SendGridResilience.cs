using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SendGrid;

namespace Pmg.Notifications;

/// <summary>
/// The resilience pipeline around one SendGrid call, registered by name: retry (429 waits until X-RateLimit-Reset,
/// 5xx and timeouts back off exponentially with jitter) → circuit breaker (tuned for a few e-mails an hour) →
/// per-attempt timeout. An open circuit throws <see cref="BrokenCircuitException"/>, which is not retried here: it
/// escapes so the queue redelivers the message later.
/// </summary>
public static class SendGridResilience
{
    /// <summary>The pipeline's registration name.</summary>
    public const string PipelineName = "pmg-sendgrid";

    /// <summary>The response header SendGrid sets on 429: when the rate limit resets, in epoch seconds.</summary>
    public const string RateLimitResetHeader = "X-RateLimit-Reset";

    /// <summary>Adds the strategies to <paramref name="builder"/>.</summary>
    public static ResiliencePipelineBuilder<Response> Configure(ResiliencePipelineBuilder<Response> builder, SendGridOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);

        return builder
            .AddRetry(new RetryStrategyOptions<Response>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) || args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => ValueTask.FromResult(RateLimitDelay(args.Outcome.Result, time, options.MaxRateLimitWait)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Response>
            {
                // Low volume: judge over a long window, and only after a handful of calls, so one bad minute
                // of a quiet day does not open it, but a real outage does.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromMinutes(10),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// The wait a 429 asks for: until its X-RateLimit-Reset (epoch seconds), at most <paramref name="maxWait"/>;
    /// null (the exponential backoff) for any other outcome or without the header.
    /// </summary>
    public static TimeSpan? RateLimitDelay(Response? response, TimeProvider time, TimeSpan maxWait)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (response?.StatusCode != HttpStatusCode.TooManyRequests
            || response.Headers is null
            || !response.Headers.TryGetValues(RateLimitResetHeader, out var values)
            || !long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            return null;
        }

        var wait = DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > maxWait ? maxWait : wait;
    }

    /// <summary>
    /// SendGrid's answers no retry can change: 400 (a malformed request), 401 (a bad or revoked key), 403 (an
    /// unverified sender, a key without mail.send). Not handled by the pipeline; the notifier records them failed at once.
    /// </summary>
    public static bool IsPermanent(HttpStatusCode status) => status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>SendGrid's reason from its error body (<c>{"errors":[{"message":…}]}</c>), the messages joined; the body itself when it is not that JSON.</summary>
    public static string Reason(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "sin detalle";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null)
                    .OfType<string>()
                    .Where(m => m.Length > 0)
                    .ToArray();
                if (messages.Length > 0)
                {
                    return string.Join("; ", messages);
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's JSON: the body as it came, clipped.
        }

        var text = body.Trim();
        return text.Length > 300 ? text[..300] : text;
    }

    private static bool IsTransient(Outcome<Response> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && (int)response.StatusCode >= 500);
}
