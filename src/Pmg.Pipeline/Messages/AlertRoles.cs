namespace Pmg.Pipeline.Messages;

/// <summary>Recipient roles of a digest.</summary>
public static class AlertRoles
{
    /// <summary>The responsible unit (Unidad responsable).</summary>
    public const string Unit = "unidad";

    /// <summary>The regional director.</summary>
    public const string Director = "director";

    /// <summary>The national coordinator.</summary>
    public const string Coordinator = "coordinador";
}
