namespace Pmg.LocalHost.Tests.Chaos;

/// <summary>
/// A chaos scenario too slow for every CI run (a 30 s outage, five failing deliveries): run by eng/chaos.sh, which sets
/// PMG_CHAOS=1; skipped otherwise, with the reason shown.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChaosScriptFactAttribute : FactAttribute
{
    public ChaosScriptFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PMG_CHAOS") != "1")
        {
            Skip = "Slow chaos scenario: run by eng/chaos.sh (PMG_CHAOS=1).";
        }
    }
}
