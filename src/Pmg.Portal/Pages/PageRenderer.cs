using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmg.Portal.Assets;
using Pmg.Portal.Security;

namespace Pmg.Portal.Pages;

/// <summary>Renders Razor components to HTML on the server (<see cref="HtmlRenderer"/>): no circuit, no WebAssembly, no client framework.</summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers, AssetCatalog assets, IAntiforgery antiforgery, IOptions<PortalOptions> options)
{
    /// <summary>The frame of a page for this request (issues the antiforgery token its forms carry).</summary>
    public PageChrome Chrome(HttpContext context, PortalUser? user, string title)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new PageChrome(
            title,
            user,
            options.Value.LocalMode,
            tokens.FormFieldName,
            tokens.RequestToken ?? "",
            assets.Url("portal.css"),
            assets.Url("portal.js"),
            assets.Url("icon.svg"));
    }

    /// <summary>Renders <typeparamref name="TPage"/> with its parameters as a complete HTML document.</summary>
    public async Task<IResult> RenderAsync<TPage>(IDictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var html = await RenderToStringAsync<TPage>(parameters).ConfigureAwait(false);
        return Results.Content("<!DOCTYPE html>\n" + html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>The component's HTML.</summary>
    public async Task<string> RenderToStringAsync<TPage>(IDictionary<string, object?> parameters)
        where TPage : IComponent
    {
        var renderer = new HtmlRenderer(services, loggers);
        await using (renderer.ConfigureAwait(false))
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
                return output.ToHtmlString();
            }).ConfigureAwait(false);
        }
    }
}
