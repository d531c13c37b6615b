using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Storage.Queries;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Entities = Jixiao.Storage.Entities;

namespace Jixiao.Web.Tests;

/// <summary>
/// Lists are read a page at a time with their total, in the API and on the pages: 3,000 findings (more than the
/// 2,000 the lists used to stop at unsaid) are each listed exactly once; enums are strings.
/// </summary>
public sealed partial class ApiPagingTests(WebFixture web) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private const string Code = "paging.test";
    private const int Count = 3000;

    public async Task InitializeAsync()
    {
        // Once per fixture: 3,000 findings of one code spread over the seeds' forms in force.
        var store = web.Services.GetRequiredService<JixiaoStore>();
        await using var c = store.Database.CreateContext();
        if (c.Findings.Any(f => f.Code == Code))
        {
            return;
        }

        var forms = web.Services.GetRequiredService<IReadModel>().Forms(new Scope()).Select(f => f.Id).ToList();
        c.Findings.AddRange(Enumerable.Range(0, Count).Select(i => new Entities.StoredFinding
        {
            FormId = forms[i % forms.Count], Code = Code, Severity = Severity.Warning, Message = $"分页测试 {i}",
        }));
        await c.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(500)]
    [InlineData(128)]
    public async Task Walking_every_page_of_the_findings_api_lists_each_finding_once(int pageSize)
    {
        using var client = web.CreateClient();
        var seen = new List<int>();
        var pages = 0;
        for (var page = 1; ; page++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/findings?code={Code}&page={page}&pageSize={pageSize}"));
            var root = json.RootElement;
            Assert.Equal(Count, root.GetProperty("total").GetInt32());
            Assert.Equal(page, root.GetProperty("page").GetInt32());
            Assert.Equal(pageSize, root.GetProperty("pageSize").GetInt32());
            var items = root.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                break;
            }

            pages++;
            Assert.True(items.Count == pageSize || seen.Count + items.Count == Count, $"page {page} has {items.Count} items");
            Assert.All(items, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
            seen.AddRange(items.Select(f => int.Parse(f.GetProperty("message").GetString()!["分页测试 ".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal((Count + pageSize - 1) / pageSize, pages);
        Assert.Equal(Enumerable.Range(0, Count), seen.Order());
    }

    [Fact]
    public async Task The_findings_api_without_a_filter_counts_every_finding_and_defaults_to_pages_of_50()
    {
        using var client = web.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/findings"));

        Assert.Equal(web.Services.GetRequiredService<IReadModel>().FindingCount(new Scope()), json.RootElement.GetProperty("total").GetInt32());
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > Count);
        Assert.Equal(50, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(50, json.RootElement.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Following_the_next_links_of_the_findings_page_shows_each_finding_once_with_page_and_total()
    {
        using var client = web.CreateClient();
        var seen = new List<int>();
        var url = $"/findings?code={Code}";
        var page = 0;
        while (url is not null)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));
            page++;
            Assert.Contains($"第 {page} 页 / 共 30 页", html, StringComparison.Ordinal);
            Assert.Contains($"共 {Count} 条", html, StringComparison.Ordinal);
            seen.AddRange(Message().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            url = Next().Match(html) is { Success: true } next ? next.Groups[1].Value : null;
        }

        Assert.Equal(30, page);
        Assert.Equal(Enumerable.Range(0, Count), seen.Order());
    }

    [Fact]
    public async Task Kind_is_a_string_in_the_forms_api_as_in_the_interchange_json()
    {
        using var client = web.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/forms?pageSize=500"));

        var kinds = json.RootElement.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("kind")).ToList();
        Assert.All(kinds, k => Assert.Equal(JsonValueKind.String, k.ValueKind));
        Assert.Equal(["selfEvaluation", "target"], kinds.Select(k => k.GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(json.RootElement.GetProperty("total").GetInt32(), kinds.Count);
        var project = json.RootElement.GetProperty("items")[0].GetProperty("projectId").GetInt64();
        using var history = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/projects/{project}"));
        Assert.All(history.RootElement.GetProperty("forms").EnumerateArray(), f => Assert.Contains(f.GetProperty("kind").GetString(), new[] { "target", "selfEvaluation" }));
    }

    [GeneratedRegex("分页测试 (\\d+)")]
    private static partial Regex Message();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex Next();
}
