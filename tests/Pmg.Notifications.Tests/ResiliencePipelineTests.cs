using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pmg.Testing.Fakes;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using SendGrid;

namespace Pmg.Notifications.Tests;

/// <summary>The shape of the named SendGrid pipeline (Polly's testing guidance: strategies and their options).</summary>
public sealed class ResiliencePipelineTests
{
    [Fact]
    public void GetPipeline_Registered_RetryThenCircuitBreakerThenTimeout()
    {
        using var provider = Build.Services("http://localhost:1", new InMemoryNotificationLedger());
        var pipeline = provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<Response>(SendGridResilience.PipelineName);

        var descriptor = pipeline.GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            retry =>
            {
                var options = Assert.IsType<RetryStrategyOptions<Response>>(retry.Options);
                Assert.Equal(4, options.MaxRetryAttempts);
                Assert.Equal(DelayBackoffTypeName.Exponential, options.BackoffType.ToString());
                Assert.True(options.UseJitter);
                Assert.NotNull(options.DelayGenerator);
            },
            breaker =>
            {
                var options = Assert.IsType<CircuitBreakerStrategyOptions<Response>>(breaker.Options);
                Assert.Equal(5, options.MinimumThroughput);
                Assert.Equal(TimeSpan.FromMinutes(10), options.SamplingDuration);
                Assert.Equal(0.5, options.FailureRatio);
            },
            timeout => Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<TimeoutStrategyOptions>(timeout.Options).Timeout));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    public async Task RetryShouldHandle_SendGridAnswer_RetriesOnlyWhatARetryCanChange(HttpStatusCode status, bool retried)
    {
        using var provider = Build.Services("http://localhost:1", new InMemoryNotificationLedger());
        var pipeline = provider.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline<Response>(SendGridResilience.PipelineName);
        var retry = Assert.IsType<RetryStrategyOptions<Response>>(pipeline.GetPipelineDescriptor().Strategies[0].Options);
        using var response = new HttpResponseMessage(status);
        var context = Polly.ResilienceContextPool.Shared.Get(CancellationToken.None);

        var handled = await retry.ShouldHandle(new RetryPredicateArguments<Response>(context, Polly.Outcome.FromResult(Response(response)), 0));

        Polly.ResilienceContextPool.Shared.Return(context);
        Assert.Equal(retried, handled);
        Assert.Equal(!retried, SendGridResilience.IsPermanent(status));
    }

    [Fact]
    public void RateLimitDelay_ResetInSevenSeconds_WaitsSevenSeconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2010, 1, 15, 10, 0, 0, TimeSpan.Zero));
        using var response = RateLimited(time.GetUtcNow().AddSeconds(7));

        var delay = SendGridResilience.RateLimitDelay(Response(response), time, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void RateLimitDelay_ResetBeyondMaximum_WaitsTheMaximum()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2010, 1, 15, 10, 0, 0, TimeSpan.Zero));
        using var response = RateLimited(time.GetUtcNow().AddHours(1));

        var delay = SendGridResilience.RateLimitDelay(Response(response), time, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromMinutes(1), delay);
    }

    [Fact]
    public void RateLimitDelay_ServerError_LeavesTheExponentialBackoff()
    {
        var time = new FakeTimeProvider();
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Null(SendGridResilience.RateLimitDelay(Response(response), time, TimeSpan.FromMinutes(1)));
    }

    private static HttpResponseMessage RateLimited(DateTimeOffset reset)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add(SendGridResilience.RateLimitResetHeader, reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static Response Response(HttpResponseMessage message) => new(message.StatusCode, message.Content, message.Headers);

    private static class DelayBackoffTypeName
    {
        public const string Exponential = nameof(Polly.DelayBackoffType.Exponential);
    }
}
