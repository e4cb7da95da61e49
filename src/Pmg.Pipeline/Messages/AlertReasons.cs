namespace Pmg.Pipeline.Messages;

/// <summary>Machine reasons of an activity at risk.</summary>
public static class AlertReasons
{
    /// <summary>Marked not complied.</summary>
    public const string NotComplied = "not-complied";

    /// <summary>Still unmarked after the closing date.</summary>
    public const string UnmarkedAfterClosing = "unmarked-after-closing";

    /// <summary>Its objective has no III.4 progress row.</summary>
    public const string NoProgressRow = "no-progress-row";

    /// <summary>Its progress text says it is late or not started.</summary>
    public const string ProgressLate = "progress-late";

    /// <summary>The region can no longer reach 90 % in the programme.</summary>
    public const string CannotReach90 = "cannot-reach-90";
}
