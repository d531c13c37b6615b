using System.CommandLine;
using Jixiao.Storage;
using Jixiao.Web.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao users add|list|set-role|lock</c>: the accounts of the web app in production, where none is
/// created silently. A password is never an argument: it is asked without echo at a terminal, or read as
/// the first line of standard input when that is redirected. Each change is audited as <c>cli:&lt;OS user&gt;</c>.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "网页应用的账户：添加、列出、设置角色、锁定（每次变更都记入审计）");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetRole());
        command.Subcommands.Add(Lock());
        return command;
    }

    private static string Actor => "cli:" + Environment.UserName;

    private static Option<string> RoleOption() => new("--role") { Description = $"角色：{string.Join("、", Roles.All)}", Required = true };

    private static Command Add()
    {
        var db = StoreCli.Db();
        var name = new Argument<string>("NAME") { Description = "用户名，如 admin 或 filler@医保中心" };
        var role = RoleOption();
        var unit = new Option<string?>("--unit") { Description = "所属单位（名称或编号；填报人、单位审核需要）" };
        var department = new Option<string?>("--department") { Description = "所属主管部门（名称或编号；主管部门审核需要）" };
        var command = new Command("add", "添加账户；密码在终端中输入（不回显），或从标准输入读取第一行") { name, role, unit, department, db };
        command.SetAction(r => WithAccounts(r.GetValue(db), async admin =>
        {
            if (ReadPassword() is not { } password)
            {
                await Console.Error.WriteLineAsync("jixiao: 没有输入密码 (no password given)");
                return StoreCli.UserError;
            }

            var result = await admin.AddAsync(r.GetValue(name)!, password, r.GetValue(role)!, r.GetValue(unit), r.GetValue(department), Actor);
            return await Report(result, $"已添加账户 {r.GetValue(name)}（{r.GetValue(role)}）");
        }));
        return command;
    }

    private static Command List()
    {
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("list", "列出账户、角色与所属单位或部门") { db, format };
        command.SetAction(r => WithAccounts(r.GetValue(db), async admin =>
        {
            var all = await admin.ListAsync();
            if (r.GetValue(format) == "json")
            {
                StoreCli.WriteJson(all);
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "用户名", "角色", "单位", "部门", "锁定" })
            {
                table.AddColumn(column);
            }

            foreach (var a in all)
            {
                table.AddRow(Markup.Escape(a.UserName), Markup.Escape(string.Join("、", a.Roles)), a.UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", a.DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", a.Locked ? "是" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command SetRole()
    {
        var db = StoreCli.Db();
        var name = new Argument<string>("NAME") { Description = "用户名" };
        var role = new Argument<string>("ROLE") { Description = $"角色：{string.Join("、", Roles.All)}" };
        var command = new Command("set-role", "把账户的角色设为 ROLE（替换原有角色）") { name, role, db };
        command.SetAction(r => WithAccounts(r.GetValue(db), async admin =>
            await Report(await admin.SetRoleAsync(r.GetValue(name)!, r.GetValue(role)!, Actor), $"{r.GetValue(name)} 的角色已设为 {r.GetValue(role)}")));
        return command;
    }

    private static Command Lock()
    {
        var db = StoreCli.Db();
        var name = new Argument<string>("NAME") { Description = "用户名" };
        var command = new Command("lock", "锁定账户：不能再登录，已登录的会话失效") { name, db };
        command.SetAction(r => WithAccounts(r.GetValue(db), async admin =>
            await Report(await admin.LockAsync(r.GetValue(name)!, Actor), $"已锁定 {r.GetValue(name)}")));
        return command;
    }

    /// <summary>Runs <paramref name="body"/> with the web app's account services on the database (brought up to date, roles created).</summary>
    private static Task<int> WithAccounts(string? db, Func<AccountAdmin, Task<int>> body) => StoreCli.Run(async () =>
    {
        var connection = DatabaseTarget.Resolve(db).ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jixiao:Db"] = connection }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddJixiaoAccounts(configuration);
        await using var provider = services.BuildServiceProvider();
        await DemoUsers.EnsureAsync(provider, configuration, demo: false);
        await using var scope = provider.CreateAsyncScope();
        return await body(scope.ServiceProvider.GetRequiredService<AccountAdmin>());
    });

    private static async Task<int> Report(AccountResult result, string done)
    {
        if (result.Succeeded)
        {
            Console.WriteLine(done);
            return 0;
        }

        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync($"jixiao: {error}");
        }

        return StoreCli.UserError;
    }

    /// <summary>The password: asked twice without echo at a terminal; the first line of standard input when redirected.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() is { Length: > 0 } line ? line : null;
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("密码 (password):").Secret());
        var again = AnsiConsole.Prompt(new TextPrompt<string>("再输入一次 (again):").Secret());
        if (first != again)
        {
            Console.Error.WriteLine("jixiao: 两次输入的密码不一致 (the passwords differ)");
            return null;
        }

        return first;
    }
}
