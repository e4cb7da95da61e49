namespace Pmg.Pipeline.Json;

/// <summary>One grant in <c>pmg access list --json</c> (public contract; src/Pmg.Cli/README.md).</summary>
/// <param name="PrincipalId">The Entra object id of the user or group.</param>
/// <param name="Kind">"user" or "group".</param>
/// <param name="Region">The region's ISO code.</param>
/// <param name="Label">Who it is, for people (an e-mail or a group's name); may be empty.</param>
/// <param name="GrantedBy">Who granted it; may be empty.</param>
/// <param name="GrantedAt">When.</param>
public sealed record AccessGrantJson(string PrincipalId, string Kind, string Region, string Label, string GrantedBy, DateTimeOffset GrantedAt);
