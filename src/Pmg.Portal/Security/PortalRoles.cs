namespace Pmg.Portal.Security;

/// <summary>The app role values defined on the portal's Entra app registration (claim <c>roles</c>).</summary>
public static class PortalRoles
{
    /// <summary>National coordinators: see every region, the national line, problems and workbooks.</summary>
    public const string Coordinator = "Pmg.Coordinator";

    /// <summary>Regional office staff: upload and follow the forms of the regions granted in PortalAccess.</summary>
    public const string Uploader = "Pmg.Uploader";
}
