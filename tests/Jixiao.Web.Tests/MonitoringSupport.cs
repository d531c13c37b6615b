using System.Globalization;
using System.Net;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// What the monitoring tests share: a published 2024 target declaration of 上海市医疗保险事业管理中心 (seed 001
/// holds its 2023 declarations; the 2024 one is the same project a year later, imported as 财政 would) and
/// the values that light each of its indicators.
/// </summary>
internal static class MonitoringSupport
{
    public const string Filler = "filler@医保中心";
    public const string OtherFiller = "filler@采购中心";
    public const string Reviewer = "reviewer@医保局";
    public const string Finance = "finance@财政局";
    public const string Centre = "上海市医疗保险事业管理中心";
    public const string Project = "医疗保险个人账户管理经费";

    /// <summary>
    /// 1–7月 figures that make every indicator green (likelihood 确定能, forecast meeting the target) but the
    /// first: =100% forecast at 90% is red. Budget 146.00 万元, 80.00 executed (54.79% against 58.33%: green).
    /// </summary>
    public static readonly (string Forecast, string Likelihood)[] Rows =
    [
        ("90%", "possible"), // =100%: fails → 红
        ("3%", "certain"), // ≤5%
        ("100%", "certain"), // =100%
        ("99.5%", "certain"), // >99%
        ("99.6%", "certain"), // >99%
        ("99.7%", "certain"), // >99%
    ];

    /// <summary>The stored id of the published 2024 declaration (imported once per database; imports are idempotent).</summary>
    public static long Published2024(IServiceProvider services)
    {
        var form = Seeds.Read(Seeds.File001).Forms.Single(f => f.Unit == Centre && f.Name == Project && f.Kind == FormKind.Target) with { Year = 2024 };
        using var buffer = new MemoryStream();
        DisclosureJson.Write(buffer, new DisclosureDocument("monitoring-2024.json", [form], []));
        var outcome = services.GetRequiredService<IImporter>().Import(buffer.ToArray(), "monitoring-2024.json", Finance);
        Assert.True(outcome.Imported || outcome.AlreadyPresent, outcome.Message);
        return services.GetRequiredService<IReadModel>().Forms(new Scope(2024))
            .Single(f => f.Unit == Centre && f.Name == Project && f.Kind == FormKind.Target).Id;
    }

    public static async Task<HttpClient> SignedIn(WebFixture web, string userName)
    {
        var client = AccountTests.Client(web);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return client;
    }

    public static long IdOf(Uri location) =>
        long.Parse(location.OriginalString.Split('/', '?')[2], CultureInfo.InvariantCulture);

    /// <summary>Posts a form with the antiforgery token of the page <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> Post(HttpClient client, string url, Dictionary<string, string> fields, string tokenFrom)
    {
        fields["__RequestVerificationToken"] = await AccountTests.Token(client, tokenFrom);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The editor's fields: 1–N月 figures of <see cref="Rows"/>, with the first row's cause when <paramref name="cause"/>.</summary>
    public static Dictionary<string, string> Fields(int version, string executed = "80", string through = "7", bool cause = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.Through"] = through,
            ["Input.Total.Initial"] = "146.00",
            ["Input.Total.Executed"] = executed,
            ["Input.Total.Forecast"] = "146",
            ["Input.GoalProgress"] = "1–7月按计划推进<script>alert(1)</script>",
        };
        for (var i = 0; i < Rows.Length; i++)
        {
            fields[$"Input.Rows[{i}].Forecast"] = Rows[i].Forecast;
            fields[$"Input.Rows[{i}].Likelihood"] = Rows[i].Likelihood;
        }

        if (cause)
        {
            fields["Input.Rows[0].Causes"] = "funding";
            fields["Input.Rows[0].CauseText"] = "邮寄外包合同延迟签订，已催办";
        }

        return fields;
    }
}
