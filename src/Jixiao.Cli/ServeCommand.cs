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
                args.Add($"--ConnectionStrings:Jixiao={connection}");
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

    /// <summary>
    /// The folder of the executable: the CLI's build copies the web app's settings (appsettings.json) and static
    /// files (wwwroot) beside it, so build output, publish folder and installed .NET tool all serve the same.
    /// </summary>
    private static string ContentRoot() => AppContext.BaseDirectory;
}
