using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Pmg.Portal.Assets;

/// <summary>
/// The portal's CSS, JavaScript and icons, compiled into the assembly and served at <c>/assets/{name}?v={hash}</c>
/// with a year-long immutable cache: a changed file gets a new hash, so browsers never keep a stale one.
/// </summary>
public sealed class AssetCatalog
{
    /// <summary>The path prefix of assets.</summary>
    public const string Prefix = "/assets/";

    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    /// <summary>Loads every embedded asset.</summary>
    public AssetCatalog()
    {
        var assembly = typeof(AssetCatalog).Assembly;
        const string resourcePrefix = "Pmg.Portal.Assets.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[resourcePrefix.Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            _assets[name] = new Asset(content, ContentTypeOf(name), hash);
        }
    }

    /// <summary>The URL of an asset, with its content hash.</summary>
    public string Url(string name) =>
        _assets.TryGetValue(name, out var asset) ? Prefix + name + "?v=" + asset.Hash : throw new ArgumentException($"No asset named {name}.", nameof(name));

    /// <summary>The names of every asset.</summary>
    public IEnumerable<string> Names => _assets.Keys;

    /// <summary>Serves the request if it is for an asset; false when the path is not under <see cref="Prefix"/>.</summary>
    public async Task<bool> TryServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return true;
        }

        if (!_assets.TryGetValue(path[Prefix.Length..], out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return true;
        }

        var etag = "\"" + asset.Hash + "\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = context.Request.Query["v"] == asset.Hash ? "public, max-age=31536000, immutable" : "no-cache";
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string Hash);
}
