using BenchmarkDotNet.Running;
using ChainGraph.Benchmarks;

// `once NAME` runs a headline figure a single time and prints wall time and peak memory
// (what the issues ask for); anything else goes to BenchmarkDotNet.
if (args is ["once", .. var rest])
    return await Once.RunAsync(rest);
BenchmarkSwitcher.FromAssembly(typeof(ImportChainKgBenchmark).Assembly).Run(args);
return 0;
