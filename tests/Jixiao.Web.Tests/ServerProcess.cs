using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Web.Tests;

/// <summary>
/// The demo web app as a process of its own (<c>jixiao serve</c>, the build beside the tests) on a port the
/// system picks, in the Production environment; ready once it logs the address it listens on. Stopped on dispose.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a start may take on a loaded test machine (migrations and, on an empty database, the seeds' import) before the test fails.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the app on the database <paramref name="connectionString"/> and waits until it listens and answers /healthz.</summary>
    public static async Task<ServerProcess> StartAsync(string connectionString)
    {
        var psi = Cli.StartInfo("serve", "--db", connectionString, "--urls", "http://127.0.0.1:0", "--demo");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["AllowedHosts"] = "*"; // the app allows the host name localhost only; the test calls 127.0.0.1
        psi.Environment["Jixiao__Seeds"] = WebFixture.SeedDirectory;
        psi.Environment["Jixiao__WarmUp"] = "false";
        foreach (var (key, value) in WebFixture.RelaxedSettings())
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var server = new ServerProcess(new Process { StartInfo = psi, EnableRaisingEvents = true });
        server._process.OutputDataReceived += (_, e) => server.Read(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Read(e.Data);
        server._process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException($"jixiao serve exited {server._process.ExitCode} before listening:\n{server.Output}"));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            server.Address = await server._listening.Task.WaitAsync(StartTimeout);
            using var client = new HttpClient { BaseAddress = server.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            return server;
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"jixiao serve did not listen within {StartTimeout}:\n{server.Output}");
        }
    }

    /// <summary>What the process wrote so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A client of this server with its own cookies, not following redirects, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignedIn(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return client;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>ASP.NET Core's start-up line (in the app's JSON console log too): <c>Now listening on: http://127.0.0.1:PORT</c>.</summary>
    [GeneratedRegex(@"Now listening on: (http://[0-9.]+:\d+)")]
    private static partial Regex Listening();
}
