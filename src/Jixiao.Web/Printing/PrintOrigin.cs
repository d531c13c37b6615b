using System.Net;

namespace Jixiao.Web.Printing;

/// <summary>
/// The one origin the printer's Chromium may load: an address this server listens on, chosen from the addresses
/// Kestrel reports (<c>IServerAddressesFeature</c>), never from a request.
/// </summary>
public static class PrintOrigin
{
    /// <summary>
    /// The best of <paramref name="addresses"/> for a browser on this machine: http before https, then
    /// 127.0.0.1, [::1], <c>localhost</c> and a wildcard (all three reached at 127.0.0.1), and only then an
    /// address of another interface; <c>null</c> when none is usable (a Unix socket, no address at all).
    /// </summary>
    public static Uri? Choose(IEnumerable<string> addresses) =>
        addresses.Select(Parse).OfType<(Uri Origin, int Rank)>().OrderBy(a => a.Rank).Select(a => a.Origin).FirstOrDefault();

    /// <summary>The origin of a setting such as <c>http://127.0.0.1:5080</c> (path and query dropped).</summary>
    public static Uri? FromSetting(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new Uri(uri.GetLeftPart(UriPartial.Authority))
            : null;

    /// <summary>Whether <paramref name="url"/> is at exactly <paramref name="origin"/> (scheme, host and port).</summary>
    public static bool IsSameOrigin(string url, Uri origin) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == origin.Port
        && string.IsNullOrEmpty(uri.UserInfo);

    private static (Uri, int)? Parse(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }

        var scheme = address[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }

        var rest = address[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        if (authority.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || authority.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var colon = authority.LastIndexOf(':');
        string host;
        int port;
        if (colon > 0 && colon > authority.LastIndexOf(']') && int.TryParse(authority[(colon + 1)..], out var p))
        {
            host = authority[..colon];
            port = p;
        }
        else
        {
            host = authority;
            port = scheme == "https" ? 443 : 80;
        }

        if (port is <= 0 or > 65535)
        {
            return null;
        }

        var rank = host.ToLowerInvariant() switch
        {
            "localhost" or "*" or "+" or "0.0.0.0" or "[::]" => 2,
            "[::1]" => 1,
            var h when IPAddress.TryParse(h.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip) => ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1,
            _ => 3,
        };
        if (rank == 2)
        {
            host = "127.0.0.1";
        }

        // http first: a loopback https address's certificate names a host, not 127.0.0.1.
        if (scheme == "https")
        {
            rank += 10;
        }

        return Uri.TryCreate($"{scheme}://{host}:{port}", UriKind.Absolute, out var origin) ? (origin, rank) : null;
    }
}
