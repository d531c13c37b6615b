using System.Globalization;
using System.Net;
using Jixiao.Web.Accounts;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Jixiao.Web.Tests.MonitoringSupport;

namespace Jixiao.Web.Tests;

/// <summary>A fact that runs only when a PostgreSQL test server is given (<c>$JIXIAO_TEST_POSTGRES</c>, scripts/postgres-test.sh).</summary>
public sealed class MonitoringPostgresFactAttribute : FactAttribute
{
    public const string Variable = "JIXIAO_TEST_POSTGRES";

    public MonitoringPostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"PostgreSQL not configured: set {Variable} or run scripts/postgres-test.sh";
        }
    }
}

/// <summary>A schema of its own on the PostgreSQL test server, dropped on dispose: a database as new to each test.</summary>
public sealed class PostgresSchema : IDisposable
{
    private readonly string _name = "m_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresSchema() => Admin($"CREATE SCHEMA {_name}");

    private static string? PostgresServer => Environment.GetEnvironmentVariable(MonitoringPostgresFactAttribute.Variable);

    /// <summary>The connection string of the test server with this schema as its search path.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer) { SearchPath = _name }.ConnectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP SCHEMA IF EXISTS {_name} CASCADE");
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>The demo web app on a schema of its own on the PostgreSQL test server (migration 0011 included).</summary>
public sealed class PostgresWebFixture : WebApplicationFactory<Program>
{
    private PostgresSchema? _schema;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _schema = new PostgresSchema();
        builder.UseSetting("Jixiao:Seeds", WebFixture.SeedDirectory);
        builder.UseSetting("Jixiao:Db", _schema.ConnectionString);
        builder.UseSetting("Jixiao:Demo", "true");
        builder.UseEnvironment("Production");
        WebFixture.RelaxLimits(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _schema?.Dispose();
    }
}

/// <summary>Monitoring forms stored, versioned and audited on PostgreSQL as on SQLite.</summary>
public sealed class MonitoringPostgresTests
{
    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, Dictionary<string, string> fields, string tokenFrom)
    {
        fields["__RequestVerificationToken"] = await AccountTests.Token(client, tokenFrom);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpClient> SignedIn(PostgresWebFixture web, string userName)
    {
        var client = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AccountTests.Token(client, "/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoUsers.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [MonitoringPostgresFact]
    public async Task A_monitoring_form_is_started_saved_submitted_and_returned_on_postgresql()
    {
        using var web = new PostgresWebFixture();
        using var filler = await SignedIn(web, Filler);
        var formId = Published2024(web.Services);

        var started = await Post(filler, "/monitoring/start?handler=FromForm", new() { ["formId"] = formId.ToString(CultureInfo.InvariantCulture) }, $"/forms/{formId}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = IdOf(started.Headers.Location!);
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = "1", ["Input.Through"] = "7", ["Input.Total.Initial"] = "146", ["Input.Total.Executed"] = "80", ["Input.Total.Forecast"] = "146",
            ["Input.Rows[0].Causes"] = "funding", ["Input.Rows[0].CauseText"] = "合同延迟",
        };
        for (var i = 0; i < Rows.Length; i++)
        {
            fields[$"Input.Rows[{i}].Forecast"] = Rows[i].Forecast;
            fields[$"Input.Rows[{i}].Likelihood"] = Rows[i].Likelihood;
        }

        Assert.Contains("id=\"saved\"", await (await Post(filler, $"/monitoring/{id}", fields, $"/monitoring/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = fields.ToDictionary();
        stale["Input.Total.Executed"] = "90";
        Assert.Contains("id=\"conflict\"", await (await Post(filler, $"/monitoring/{id}", stale, $"/monitoring/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(filler, $"/monitoring/{id}?handler=Change", new() { ["transition"] = "Submit", ["version"] = "2" }, $"/monitoring/{id}")).StatusCode);
        using var reviewer = await SignedIn(web, Reviewer);
        Assert.Contains($"data-id=\"{id}\"", await reviewer.GetStringAsync("/monitoring/review?light=red"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(reviewer, $"/monitoring/{id}?handler=Change", new() { ["transition"] = "Return", ["version"] = "3", ["comment"] = "请补充" }, $"/monitoring/{id}")).StatusCode);

        using var scope = web.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthoringDbContext>();
        var record = await db.MonitoringForms.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(MonitoringStates.Returned, record.State);
        Assert.Equal(4, record.Version);
        Assert.Equal(80m, record.Form.Budget.Total!.Executed);
        Assert.Equal(["create", "update", "submit", "return"], await db.MonitoringAudit.Where(a => a.MonitoringId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}
