using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Api;

/// <summary>
/// What every response of <c>/api</c> shares: JSON with enums as camelCase strings (<c>"target"</c>,
/// <c>"selfEvaluation"</c>, as the interchange JSON spells them) and Chinese as text; and every error as
/// <c>application/problem+json</c> (RFC 9457) with a Chinese <c>title</c> and <c>detail</c> and a <c>traceId</c>,
/// never a stack trace — whether an endpoint returned the problem, an exception escaped (500), or other
/// middleware set a bare status (401/403 of the sign-in cookie, 404 of an unknown path, 413 of a body over
/// the limit, 429 of a rate limiter): the status code pages fill those in. Pages keep the HTML error page.
/// </summary>
public static class ApiContract
{
    /// <summary>The JSON options of the API, the problems and the OpenAPI document.</summary>
    public static IServiceCollection AddJixiaoApiContract(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        // The enums are written as strings (above); the schema exporter lists their names but gives no type.
        services.Configure<OpenApiOptions>("v1", o => o.AddSchemaTransformer((schema, _, _) =>
        {
            if (schema.Type is null && schema.Enum is { Count: > 0 } values && values.All(v => v?.GetValueKind() == JsonValueKind.String))
            {
                schema.Type = JsonSchemaType.String;
            }

            return Task.CompletedTask;
        }));

        // Before AddProblemDetails: the service asks its writers in order, and this one takes every /api request
        // whatever its Accept header (the default writer refuses a request that does not accept JSON).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ApiProblemWriter>());
        services.AddProblemDetails();
        return services;
    }

    /// <summary>The serializer settings of the API: web defaults, enums as camelCase strings, Chinese unescaped.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>For requests under <c>/api</c>: exceptions and bare error statuses become problems.</summary>
    public static IApplicationBuilder UseJixiaoApiContract(this IApplicationBuilder app) =>
        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                // A malformed request the framework rejects keeps its status (400, 413 …); anything else is a 500.
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>The page of the query's <c>page</c> and <c>pageSize</c>, or the 400 problem saying why there is none.</summary>
    public static bool TryPage(int? page, int? pageSize, out Data.Paging paging, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        paging = Data.Paging.TryCreate(page, pageSize, out var error) ?? new Data.Paging();
        problem = error is null ? null : Problem(StatusCodes.Status400BadRequest, error, "分页参数无效");
        return problem is null;
    }

    /// <summary>A problem with its status, Chinese title and detail: what the endpoints return for an error.</summary>
    public static ProblemHttpResult Problem(int status, string detail, string? title = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title ?? Title(status), extensions: extensions);

    /// <summary>The Chinese title of a status, for problems that give none.</summary>
    public static string Title(int status) => status switch
    {
        400 => "请求无效",
        401 => "未登录",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持该请求方法",
        406 => "无法提供所要求的格式",
        409 => "冲突",
        413 => "请求体过大",
        415 => "不支持的请求体格式",
        422 => "内容无法处理",
        428 => "缺少前提条件",
        429 => "请求过于频繁",
        500 => "服务器内部错误",
        503 => "服务暂不可用",
        _ => status < 500 ? "请求错误" : "服务器错误",
    };

    /// <summary>The Chinese detail of a status whose problem gives none (a bare status of other middleware).</summary>
    private static string Detail(int status) => status switch
    {
        400 => "请求的参数或请求体无效",
        401 => "请先登录：此接口需要登录（接口不会跳转到登录页）",
        403 => "当前账号无权执行此操作",
        404 => "请求的资源不存在",
        405 => "此路径不支持该请求方法",
        413 => "请求体超过服务器允许的上限",
        415 => "请求体的格式（Content-Type）不受支持",
        429 => "请求过于频繁，请稍后再试",
        500 => "服务器处理请求时出错；请把 traceId 告诉管理员",
        503 => "服务暂不可用，请稍后再试",
        _ => Title(status),
    };

    /// <summary>
    /// Writes the problems of <c>/api</c>: the status of the response when the problem has none, a Chinese title
    /// and detail when it has none (or the framework's English one), the trace id; the exception never.
    /// </summary>
    private sealed class ApiProblemWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => IsApi(context.HttpContext.Request);

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            var status = problem.Status ?? http.Response.StatusCode;
            problem.Status = status;
            http.Response.StatusCode = status;

            // The framework's own problems (of the exception handler, the status code pages, a failed binding)
            // carry English titles or none; ours are Chinese.
            if (string.IsNullOrEmpty(problem.Title) || IsAscii(problem.Title))
            {
                problem.Title = Title(status);
            }

            if (string.IsNullOrEmpty(problem.Detail) || IsAscii(problem.Detail) || context.Exception is not null)
            {
                problem.Detail = Detail(status); // never an exception's message
            }

            problem.Extensions.Remove("exception");
            problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
            return new ValueTask(http.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()), "application/problem+json", http.RequestAborted));
        }

        private static bool IsAscii(string text) => text.All(char.IsAscii);
    }
}
