using System.CommandLine;
using Jixiao.Web;
using Microsoft.AspNetCore.Builder;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao serve [--db …] [--urls …]</c>: the web application, the same one <c>dotnet run --project src/Jixiao.Web</c>
/// starts, with its settings (appsettings.json) and static files (wwwroot) from beside the executable, where the CLI's
/// build copies them: the same whether run from the build output, a publish folder or the installed .NET tool.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "数据库连接串（默认 SQLite data/jixiao.db；Host=… 为 PostgreSQL）" };
        var urls = new Option<string?>("--urls") { Description = $"监听地址（默认 {JixiaoWebHost.DefaultUrls}）" };
        var command = new Command("serve", "启动网页应用（仪表盘、表、审核问题、搜索、导入、API）") { db, urls };
        command.SetAction(result =>
        {
            var args = new List<string>();
            if (result.GetValue(db) is { Length: > 0 } connection)
            {
                args.Add($"--ConnectionStrings:Jixiao={connection}");
            }

            if (result.GetValue(urls) is { Length: > 0 } listen)
            {
                args.Add($"--urls={listen}");
            }

            var root = AppContext.BaseDirectory;
            JixiaoWebHost.Build([.. args], new WebApplicationOptions
            {
                Args = [.. args],
                ContentRootPath = root,
                WebRootPath = Path.Combine(root, "wwwroot"),
            }).Run();
            return 0;
        });
        return command;
    }
}
