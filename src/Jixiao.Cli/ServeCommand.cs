using System.CommandLine;
using Jixiao.Web;
using Microsoft.AspNetCore.Builder;

namespace Jixiao.Cli;

/// <summary><c>jixiao serve [--db …] [--urls …]</c>: the web application, the same one <c>dotnet run --project src/Jixiao.Web</c> starts.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "数据库连接串（默认 SQLite data/jixiao.db；Host=… 为 PostgreSQL）" };
        var urls = new Option<string?>("--urls") { Description = $"监听地址（默认 {JixiaoWebHost.DefaultUrls}）" };
        var demo = new Option<bool>("--demo") { Description = "演示模式：空数据库导入示例数据并创建演示用户（生产环境不要使用）" };
        var command = new Command("serve", "启动网页应用（仪表盘、表、审核问题、搜索、导入、API）") { db, urls, demo };
        command.SetAction(result =>
        {
            var args = new List<string>();
            if (result.GetValue(db) is { Length: > 0 } connection)
            {
                args.Add($"--Jixiao:Db={connection}");
            }

            if (result.GetValue(urls) is { Length: > 0 } listen)
            {
                args.Add($"--urls={listen}");
            }

            if (result.GetValue(demo))
            {
                args.Add($"--{Jixiao.Web.Accounts.DemoMode.Setting}=true");
            }

            var root = ContentRoot();
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

    /// <summary>The web project's folder (its wwwroot), found from the executable; the executable's folder when published.</summary>
    private static string ContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "Jixiao.Web");
            if (Directory.Exists(Path.Combine(web, "wwwroot")))
            {
                return web;
            }
        }

        return AppContext.BaseDirectory;
    }
}
