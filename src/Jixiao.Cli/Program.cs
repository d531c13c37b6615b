using System.CommandLine;
using Jixiao.Cli;

var root = new RootCommand("Jixiao 绩效 — 财政项目支出绩效目标与自评表的读取、计分与审核");
root.Subcommands.Add(ParseCommand.Create());
return root.Parse(args).Invoke();
