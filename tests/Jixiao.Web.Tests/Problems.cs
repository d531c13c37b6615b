using System.Net;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>What every error of the API must be: an RFC 9457 problem in Chinese, with a trace id and no stack trace.</summary>
public static class Problems
{
    /// <summary>Asserts <paramref name="response"/> is a problem of <paramref name="status"/>; returns its JSON.</summary>
    public static async Task<JsonElement> Assert(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} instead of {(int)status}: {body}");
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Xunit.Assert.Null(response.Headers.Location); // never a redirect to the login page
        using var json = JsonDocument.Parse(body);
        var problem = json.RootElement.Clone();
        Xunit.Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Xunit.Assert.True(IsChinese(problem.GetProperty("title").GetString()), $"title not Chinese: {body}");
        Xunit.Assert.True(IsChinese(problem.GetProperty("detail").GetString()), $"detail not Chinese: {body}");
        var traceId = problem.GetProperty("traceId").GetString() ?? "";
        Xunit.Assert.True(System.Text.RegularExpressions.Regex.IsMatch(traceId, "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"), $"traceId is not a W3C trace context: {traceId}");
        Xunit.Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        return problem;
    }

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
