using System.CommandLine;
using Jixiao.Cli;
using Jixiao.Storage;

if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DatabaseTarget.LegacyEnvironmentVariable)))
{
    Console.Error.WriteLine(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable))
        ? $"jixiao: {DatabaseTarget.LegacyEnvironmentVariable} is deprecated: use {DatabaseTarget.EnvironmentVariable} instead."
        : $"jixiao: {DatabaseTarget.LegacyEnvironmentVariable} is ignored: {DatabaseTarget.EnvironmentVariable} is set.");
}

var root = new RootCommand("Jixiao 绩效 — 财政项目支出绩效目标与自评表的读取、计分、审核与存储");

// One line per command; each command lives in its own file.
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(HistoryCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(SummaryCommand.Create());
root.Subcommands.Add(ScoreCommand.Create());
root.Subcommands.Add(MonitorCommand.Create());
root.Subcommands.Add(UsersCommand.Create());

return root.Parse(args).Invoke();
