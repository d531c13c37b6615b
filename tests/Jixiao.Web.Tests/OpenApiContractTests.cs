using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The OpenAPI document (/openapi/v1.json) says what the app serves: the same operations, each with the schema of its answer.</summary>
public sealed class OpenApiContractTests(WebFixture web) : IClassFixture<WebFixture>
{
    private async Task<JsonElement> Document()
    {
        using var client = web.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return json.RootElement.Clone();
    }

    /// <summary>The app's endpoints other than pages, as "METHOD /path/{param}", and whether each is left out of the description.</summary>
    private List<(string Operation, bool Excluded)> Endpoints() =>
        [.. web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is null) // Razor pages
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (
                Operation: $"{m.ToUpperInvariant()} {Path(e.RoutePattern)}",
                Excluded: e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)))
            .Distinct()];

    /// <summary>A route as OpenAPI writes it: parameters without their constraints.</summary>
    private static string Path(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart a => "{" + a.Name + "}",
            RoutePatternSeparatorPart x => x.Content,
            _ => throw new InvalidOperationException(p.ToString()),
        }))));

    private static IEnumerable<(string Operation, JsonElement Body)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete" or "head" or "options")
            .Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    [Fact]
    public async Task The_document_lists_exactly_the_operations_the_app_serves()
    {
        var documented = Operations(await Document()).Select(o => o.Operation).Order(StringComparer.Ordinal).ToList();
        var endpoints = Endpoints();

        var served = endpoints.Where(e => !e.Excluded).Select(e => e.Operation).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(served, documented);
        Assert.DoesNotContain(endpoints, e => e.Excluded && e.Operation.Contains(" /api/", StringComparison.Ordinal)); // no API endpoint hidden
        Assert.Contains("GET /api/v1/forms", documented);
        Assert.Contains("PUT /api/v1/drafts/{id}", documented);
        Assert.Contains("GET /forms/{id}/xlsx", documented);
    }

    [Fact]
    public async Task Every_operation_declares_the_schema_of_its_success_response_and_its_errors_as_problems()
    {
        var document = await Document();

        foreach (var (operation, body) in Operations(document))
        {
            var responses = body.GetProperty("responses").EnumerateObject().ToList();
            var success = responses.Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{operation} declares no success response");
            foreach (var response in success)
            {
                Assert.True(response.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(), $"{operation} {response.Name} has no content");
                Assert.All(content.EnumerateObject(), c => Assert.True(c.Value.TryGetProperty("schema", out _), $"{operation} {response.Name} {c.Name} has no schema"));
            }

            foreach (var error in responses.Where(r => r.Name.StartsWith('4') || r.Name.StartsWith('5')))
            {
                if (operation.Contains(" /api/", StringComparison.Ordinal))
                {
                    Assert.True(error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{operation} {error.Name} is not a problem");
                }
            }
        }
    }

    [Fact]
    public async Task Lists_are_pages_and_enums_are_strings_in_the_document()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");

        var kind = schemas.GetProperty("FormKind");
        Assert.Equal("string", kind.GetProperty("type").GetString());
        Assert.Equal(["target", "selfEvaluation"], kind.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!));
        var page = schemas.GetProperty("PagedOfFormRow").GetProperty("properties");
        Assert.Equal(["items", "page", "pageSize", "total"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal("#/components/schemas/FormKind", schemas.GetProperty("FormRow").GetProperty("properties").GetProperty("kind").GetProperty("$ref").GetString());
    }
}
