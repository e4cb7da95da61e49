using Pmg.Portal.Security;

namespace Pmg.Portal.Pages;

/// <summary>What every page's frame needs: title, user, local mode, the antiforgery field, asset addresses.</summary>
/// <param name="Title">The page's title (Spanish).</param>
/// <param name="User">The signed-in user, or null.</param>
/// <param name="LocalMode">Whether the "modo local" banner shows.</param>
/// <param name="AntiforgeryField">The hidden form field's name.</param>
/// <param name="AntiforgeryToken">Its value for this user.</param>
/// <param name="CssUrl">The stylesheet's address.</param>
/// <param name="ScriptUrl">The script's address.</param>
/// <param name="IconUrl">The icon's address.</param>
public sealed record PageChrome(string Title, PortalUser? User, bool LocalMode, string AntiforgeryField, string AntiforgeryToken, string CssUrl, string ScriptUrl, string IconUrl)
{
    /// <summary>Where "Salir" goes: App Service Authentication's sign-out, or the identity chooser in local mode.</summary>
    public string SignOutUrl => LocalMode ? "/local" : "/.auth/logout?post_logout_redirect_uri=/";
}
