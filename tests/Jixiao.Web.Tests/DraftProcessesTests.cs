using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>
/// One self-evaluation per declaration holds across processes (issue 12): two servers, each its own process,
/// on one PostgreSQL database. No lock in either process can do it; the unique index on (based_on_id, kind) does.
/// </summary>
public sealed class DraftProcessesTests
{
    [MonitoringPostgresFact]
    public async Task Two_servers_on_one_postgresql_database_asked_at_once_start_one_self_evaluation()
    {
        using var schema = new PostgresSchema();
        await using var first = await ServerProcess.StartAsync(schema.ConnectionString);
        // Started once the first listens: the first has migrated and seeded the database and created the demo users.
        await using var second = await ServerProcess.StartAsync(schema.ConnectionString);
        var target = await DraftTests.ApprovedDraft(first.SignedIn, "两个进程同时开始自评");
        using var a = await first.SignedIn(DraftTests.Filler);
        using var b = await second.SignedIn(DraftTests.Filler);
        var url = $"/drafts/{target}";
        var tokens = await Task.WhenAll(AccountTests.Token(a, url), AccountTests.Token(b, url)); // both pages read before either posts

        var starts = await Task.WhenAll(
            a.PostAsync(url + "?handler=Evaluate", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[0] })),
            b.PostAsync(url + "?handler=Evaluate", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[1] })));

        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        var location = starts[0].Headers.Location!.OriginalString;
        Assert.Matches(@"^/drafts/\d+/evaluation$", location);
        Assert.Equal(location, starts[1].Headers.Location!.OriginalString);
        var child = long.Parse(Regex.Match(location, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([(child, "selfEvaluation")], await Rows(schema, "SELECT id, kind FROM drafts WHERE based_on_id = @id ORDER BY id", target, r => (r.GetInt64(0), r.GetString(1))));
        Assert.Equal(["create"], await Rows(schema, "SELECT action FROM draft_audit WHERE draft_id = @id ORDER BY id", child, r => r.GetString(0))); // one start stored and audited; the other found it
    }

    [MonitoringPostgresFact]
    public async Task Two_servers_asked_at_once_start_one_self_evaluation_of_a_published_declaration()
    {
        // A declaration published elsewhere and imported has no draft to be based on: the unique index on
        // (based_on_form_id, kind) keeps its self-evaluation one.
        using var schema = new PostgresSchema();
        await using var first = await ServerProcess.StartAsync(schema.ConnectionString);
        await using var second = await ServerProcess.StartAsync(schema.ConnectionString);
        using var a = await first.SignedIn(DraftTests.Filler);
        using var b = await second.SignedIn(DraftTests.Filler);
        var (form, _) = await DraftTests.PublishedTargetOfTheInsuranceCentre(a);
        var page = $"/forms/{form}";
        var tokens = await Task.WhenAll(AccountTests.Token(a, page), AccountTests.Token(b, page));
        var url = $"/drafts/from-form/{form}?handler=Evaluate";

        var starts = await Task.WhenAll(
            a.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[0] })),
            b.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[1] })));

        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        Assert.Equal(starts[0].Headers.Location, starts[1].Headers.Location);
        Assert.Single(await Rows(schema, "SELECT id FROM drafts WHERE based_on_form_id = @id", form, r => r.GetInt64(0)));
    }

    /// <summary>The rows <paramref name="sql"/> (with its parameter <c>@id</c>) selects from the test schema, each read by <paramref name="read"/>.</summary>
    private static async Task<List<T>> Rows<T>(PostgresSchema schema, string sql, long id, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
