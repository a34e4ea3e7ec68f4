using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using ChainGraph.Cli.Commands;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Text;
using ChainGraph.Storage;

namespace ChainGraph.Cli;

/// <summary>The <c>chaingraph</c> command: one verb per command class, and the exit-code contract for all of them.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var console = new CliConsole(stdout ?? System.Console.Out, stderr ?? System.Console.Error);
        var parsed = CreateRoot(console).Parse(args);
        // Decided from the words, not the parse: a command line that does not parse still wants its error as JSON.
        var json = args.Contains(CommonOptions.Json.Name);
        var command = parsed.CommandResult.Command;
        var language = ErrorLanguage(parsed, command);
        if (parsed.Errors.Count > 0)
        {
            console.WriteError(json, ErrorCodes.InvalidRequest, [.. parsed.Errors.Select(ToFieldError)], language, $"Run '{CommandPath(command)} --help' for its options.");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (InvalidRequestException e)
        {
            console.WriteError(json, ErrorCodes.InvalidRequest, [.. e.Errors.Select(f => f with { Field = OptionName(command, f.Field) })], language);
            return ExitCodes.BadInput;
        }
        catch (NotFoundException e)
        {
            console.WriteError(json, ErrorCodes.NotFound, [new FieldError(OptionName(command, e.Field), e.Value, e.Why)], language);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            console.WriteError(json, ErrorCodes.InvalidInput, [new FieldError("", null, e.Message)], language);
            return ExitCodes.BadInput;
        }
        catch (GraphStoreException e)
        {
            console.WriteError(json, e.IsTransient ? ErrorCodes.StoreUnavailable : ErrorCodes.Failure, [new FieldError("", null, e.Message)], language);
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.WriteError(json, ErrorCodes.Failure, [new FieldError("", null, e is IOException or UnauthorizedAccessException or OperationCanceledException
                ? e.Message : $"{e.GetType().Name}: {e.Message}")], language);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The language errors are said in: the command's --lang where it parsed (else the environment's), read leniently, since a bad --lang is itself an error to say.</summary>
    static Language ErrorLanguage(ParseResult parsed, Command command)
    {
        var asked = command.Options.Contains(CommonOptions.Lang) && parsed.GetResult(CommonOptions.Lang) is { } given && !given.Errors.Any()
            ? parsed.GetValue(CommonOptions.Lang) : Environment.GetEnvironmentVariable("CHAINGRAPH_LANG");
        return Languages.ParseLeniently(asked);
    }

    static RootCommand CreateRoot(CliConsole console) =>
        new("ChainGraph: a knowledge graph of industry chains (产业链知识图谱).")
        {
            DemoCommand.Create(console),
            ImportCommand.Create(console),
            StatsCommand.Create(console),
            SearchCommand.Create(console),
            NodeCommand.Create(console),
            ProfileCommand.Create(console),
            ReportCommand.Create(console),
            ExportCommand.Create(console),
            AnalyzeCommand.Create(console),
            GenerateCommand.Create(console),
            ServeCommand.Create(console),
            KeysCommand.Create(console),
            BackupCommand.Create(console),
            RestoreCommand.Create(console),
        };

    /// <summary>Every verb and sub-verb with its description, for the README's verb list.</summary>
    public static IEnumerable<(string Verb, string Description, IReadOnlyList<string> Options)> Verbs()
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null);
        return CreateRoot(console).Subcommands.SelectMany(v => v.Subcommands.Count == 0 ? [v] : v.Subcommands.AsEnumerable())
            .Select(c => (CommandPath(c)["chaingraph ".Length..], c.Description ?? "", (IReadOnlyList<string>)[.. c.Options.Select(o => o.Name)]));
    }

    static FieldError ToFieldError(ParseError error)
    {
        var message = error.Message.Replace("as expected type 'System.Int32'", "as a whole number", StringComparison.Ordinal)
            .Replace("as expected type 'System.Double'", "as a number", StringComparison.Ordinal);
        return error.SymbolResult switch
        {
            OptionResult option => new FieldError(option.Option.Name, Tokens(option), message),
            ArgumentResult argument => new FieldError(argument.Argument.Name, Tokens(argument), message),
            _ => new FieldError("", null, message),
        };
    }

    static string? Tokens(SymbolResult result) => result.Tokens.Count == 0 ? null : string.Join(" ", result.Tokens.Select(t => t.Value));

    /// <summary>The command line's name for a parameter the API calls <paramref name="field"/>: weakBelow → --weak-below.</summary>
    static string OptionName(Command command, string field)
    {
        if (field.Length == 0) return field;
        var kebab = new StringBuilder("--");
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c)) kebab.Append('-').Append(char.ToLowerInvariant(c));
            else kebab.Append(c);
        }
        var name = kebab.ToString();
        return command.Options.Any(o => o.Name == name) ? name : field;
    }

    static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault()) names.Insert(0, c.Name);
        names[0] = "chaingraph";
        return string.Join(" ", names);
    }
}

/// <summary>Exit codes of the command-line contract.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
