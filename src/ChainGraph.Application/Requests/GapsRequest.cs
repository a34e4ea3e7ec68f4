using ChainGraph.Analysis.ChainGaps;
using ChainGraph.Analysis.Chains;
using ChainGraph.Analysis.Regions;
using ChainGraph.Model.Requests;
using ChainGraph.Model.Snapshot;

namespace ChainGraph.Application.Requests;

/// <summary>Chain gaps of a region (<c>analyze gaps</c>, <c>GET /api/analyses/gaps</c>, the hub's chain view with a region).</summary>
/// <param name="Chains">How a chain is formed from an industry when <see cref="Chain"/> names one; the default when null.</param>
public sealed record GapsRequest(string Chain, string Region, ChainGapOptions Options, ChainOptions? Chains = null) : IQuery<ChainGapReport>
{
    public void Validate() => Options.Check(new ParameterCheck().Required("chain", Chain).Required("region", Region)).ThrowIfInvalid();

    public ChainGapReport Run(GraphSnapshot snapshot, CancellationToken cancellationToken) =>
        ChainGapAnalysis.Run(snapshot, ChainSegments.Resolve(snapshot, Chain, Chains ?? ChainOptions.Default), RegionFilter.Resolve(snapshot, Region), Options);
}
