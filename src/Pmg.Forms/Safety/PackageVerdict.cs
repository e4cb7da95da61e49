using Pmg.Domain.Diagnostics;
using Pmg.Domain.Model;

namespace Pmg.Forms.Safety;

/// <summary>What a package is and whether it may be opened; <see cref="Refusal"/> is null when it is safe to open.</summary>
public sealed record PackageVerdict(FormFormat Format, Diagnostic? Refusal)
{
    /// <summary>True when the package may be handed to the OpenXML readers.</summary>
    public bool IsSafe => Refusal is null;
}
