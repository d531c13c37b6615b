using Microsoft.AspNetCore.HostFiltering;

namespace Jixiao.Web.Printing;

public static class PrintingServices
{
    /// <summary>Loopback names the printer's Chromium sends as <c>Host</c>; allowed whatever <c>AllowedHosts</c> lists.</summary>
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// The PDF printer (a singleton, disposed with the app) and its settings (<see cref="PrinterOptions.Section"/>).
    /// When <c>AllowedHosts</c> names the public host(s), the loopback names are added to it: the printer's Chromium
    /// reaches this server at its loopback address, and nothing in the app takes a loopback <c>Host</c> for more than
    /// a name.
    /// </summary>
    public static IServiceCollection AddJixiaoPrinting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrinterOptions>(configuration.GetSection(PrinterOptions.Section));
        services.AddSingleton<FormPrinter>();
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            if (o.AllowedHosts is { Count: > 0 } hosts && !hosts.Contains("*"))
            {
                o.AllowedHosts = [.. hosts, .. LoopbackHosts.Where(h => !hosts.Contains(h, StringComparer.OrdinalIgnoreCase))];
            }
        });
        return services;
    }
}
