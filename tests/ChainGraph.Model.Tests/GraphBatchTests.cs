using ChainGraph.Model;
using ChainGraph.Model.Import;

namespace ChainGraph.Model.Tests;

public sealed class GraphBatchTests
{
    static SourceLocation Line(long line) => new("input.csv", line);

    static ImportPlan Resolve(GraphBatch batch) => batch.Resolve(new Dictionary<string, NodeLabel>());

    [Fact]
    public void DuplicateRelationship_MergesAndTheLaterRowWins()
    {
        var batch = new GraphBatch();
        batch.AddRelationship(RelType.Makes, new("e1", NodeLabel.Enterprise), new("p1", NodeLabel.Product), new() { ["share"] = 0.1, ["volume"] = 5.0 }, Line(1));
        batch.AddRelationship(RelType.Makes, new("e1"), new("p1"), new() { ["share"] = 0.9 }, Line(2));

        var rel = Assert.Single(Resolve(batch).Relationships);

        Assert.Equal(0.9, rel.Properties["share"]);
        Assert.Equal(5.0, rel.Properties["volume"]);
    }

    [Fact]
    public void DuplicateNode_MergesAndReportsWhatChanged()
    {
        var batch = new GraphBatch();
        batch.AddNode("688096", NodeLabel.Enterprise, new() { ["name"] = "京源环保", ["fullName"] = "江苏京源环保股份有限公司" }, Line(3));
        batch.AddNode("688096", NodeLabel.Enterprise, new() { ["name"] = "京源环保", ["fullName"] = "大连港股份有限公司" }, Line(9));

        var plan = Resolve(batch);

        var merge = Assert.Single(plan.Merged);
        Assert.Equal(("688096", 9L, 3L), (merge.Id, merge.Line, merge.FirstLine));
        Assert.Equal(["fullName: '江苏京源环保股份有限公司' -> '大连港股份有限公司'"], merge.Changes);
        Assert.Equal("大连港股份有限公司", Assert.Single(plan.Nodes).Properties["fullName"]);
    }

    [Theory]
    [InlineData(RelType.InputTo)]
    [InlineData(RelType.SubtypeOf)]
    public void SelfLoop_IsRejectedWithTheReason(RelType type)
    {
        var batch = new GraphBatch();
        batch.AddRelationship(type, new("草甘膦", NodeLabel.Product), new("草甘膦", NodeLabel.Product), [], Line(56815));

        var plan = Resolve(batch);

        var rejection = Assert.Single(plan.Rejected);
        Assert.Equal(56815, rejection.Line);
        Assert.Equal($"self-loop: '草甘膦' {GraphSchema.Name(type)} itself", rejection.Reason);
        Assert.Empty(plan.Relationships);
    }

    [Fact]
    public void MissingEndpoint_IsCreatedFromTheRowAndCounted()
    {
        var batch = new GraphBatch();
        batch.AddRelationship(RelType.Makes, new("300750", NodeLabel.Enterprise, new Dictionary<string, object> { ["name"] = "宁德时代" }),
            new("动力电池"), [], Line(1));

        var plan = Resolve(batch);

        Assert.Equal(2, plan.Nodes.Count);
        Assert.Equal("宁德时代", plan.Nodes.Single(n => n.Id == "300750").Name);
        Assert.Equal(NodeLabel.Product, plan.Nodes.Single(n => n.Id == "动力电池").Label);
        Assert.Equal(1, plan.CreatedEndpoints[NodeLabel.Enterprise]);
        Assert.Equal(1, plan.CreatedEndpoints[NodeLabel.Product]);
    }

    [Fact]
    public void MissingEndpointOfUnknownLabel_IsRejectedNamingTheNode()
    {
        var batch = new GraphBatch();
        batch.AddRelationship(RelType.LocatedIn, new("x"), new("CN-440300", NodeLabel.Region), [], Line(4));

        var rejection = Assert.Single(Resolve(batch).Rejected);

        Assert.Equal("start node 'x' does not exist and the row does not say its label", rejection.Reason);
    }

    [Fact]
    public void EndpointOfTheWrongLabel_IsRejected()
    {
        var batch = new GraphBatch();
        batch.AddNode("p1", NodeLabel.Product, new() { ["name"] = "p1" }, Line(1));
        batch.AddRelationship(RelType.Makes, new("p1"), new("p1"), [], Line(2));

        var rejection = Assert.Single(Resolve(batch).Rejected);

        Assert.Equal("MAKES must start at Enterprise; 'p1' has label Product", rejection.Reason);
    }

    [Fact]
    public void WrongPropertyType_IsRejectedNamingFieldAndValue()
    {
        var batch = new GraphBatch();
        batch.AddRelationship(RelType.Makes, new("e"), new("p"), new() { ["share"] = "lots" }, Line(12));
        batch.AddNode("s", NodeLabel.Segment, new() { ["name"] = "隔膜", ["stage"] = "sideways" }, Line(13));
        batch.AddNode("", NodeLabel.Product, new() { ["name"] = "x" }, Line(14));

        var reasons = Resolve(batch).Rejected.Select(r => (r.Line, r.Reason)).ToList();

        Assert.Equal(
        [
            (12L, "field 'share' of MAKES: expected double. Got: 'lots'"),
            (13L, "field 'stage' of Segment: expected one of upstream|midstream|downstream. Got: 'sideways'"),
            (14L, "field 'id' is missing or empty"),
        ], reasons);
    }

    [Fact]
    public void NodeStoredUnderAnotherLabel_IsRejectedAndItsRelationshipsChecked()
    {
        var batch = new GraphBatch();
        batch.AddNode("碳酸锂", NodeLabel.Enterprise, new() { ["name"] = "碳酸锂" }, Line(1));
        batch.AddRelationship(RelType.Makes, new("e1", NodeLabel.Enterprise), new("碳酸锂"), [], Line(2));

        var plan = batch.Resolve(new Dictionary<string, NodeLabel> { ["碳酸锂"] = NodeLabel.Product });

        Assert.Equal([1L], plan.Rejected.Select(r => r.Line));
        Assert.Single(plan.Relationships);
        Assert.DoesNotContain(plan.Nodes, n => n.Id == "碳酸锂");
    }

    [Fact]
    public void IntegerForADoubleProperty_IsStoredAsADouble()
    {
        var batch = new GraphBatch();
        batch.AddRelationship(RelType.UpstreamOf, new("a", NodeLabel.Industry), new("b", NodeLabel.Industry), new() { ["weight"] = 4L }, Line(1));

        Assert.Equal(4.0, Assert.Single(Resolve(batch).Relationships).Properties["weight"]);
    }

    static readonly Dictionary<string, NodeLabel> StoredEnterprise = new() { ["300750"] = NodeLabel.Enterprise };

    [Fact]
    public void UpdateNode_OfAStoredNode_NeedsNoNameAndPlansTheUnsetKeysForRemoval()
    {
        var batch = new GraphBatch();
        batch.UpdateNode("300750", NodeLabel.Enterprise, new() { ["province"] = "江苏省" }, ["city", "county"], Line(2));

        var plan = batch.Resolve(StoredEnterprise);

        Assert.Empty(plan.Rejected);
        Assert.Empty(plan.Merged);
        Assert.Equal(new Dictionary<string, object> { ["province"] = "江苏省" }, Assert.Single(plan.Nodes).Properties);
        var removal = Assert.Single(plan.RemovedProperties);
        Assert.Equal(("300750", NodeLabel.Enterprise), (removal.Id, removal.Label));
        Assert.Equal(["city", "county"], removal.Keys);
    }

    [Fact]
    public void UpdateNode_OfANodeThatExistsNowhere_IsRejectedOnceWithItsRowsRelationships()
    {
        var batch = new GraphBatch();
        batch.UpdateNode("999999", NodeLabel.Enterprise, new() { ["province"] = "江苏省" }, [], Line(3));
        batch.AddRelationship(RelType.LocatedIn, new("999999"), new("CN-320000", NodeLabel.Region, new Dictionary<string, object> { ["name"] = "江苏省" }), [], Line(3));
        batch.ReplaceRelationships("999999", RelType.LocatedIn);

        var plan = Resolve(batch);

        var rejection = Assert.Single(plan.Rejected);
        Assert.Equal((3L, "field 'id': no Enterprise has this id. Got: '999999'"), (rejection.Line, rejection.Reason));
        Assert.Empty(plan.Nodes);
        Assert.Empty(plan.Relationships);
        Assert.Empty(plan.ReplacedRelationships);
    }

    [Fact]
    public void UpdateNode_OfANodeEarlierInTheBatch_ChangesItWithoutAMerge()
    {
        var batch = new GraphBatch();
        batch.AddNode("300750", NodeLabel.Enterprise, new() { ["name"] = "宁德时代", ["city"] = "宁德市" }, Line(1));
        batch.UpdateNode("300750", NodeLabel.Enterprise, new() { ["province"] = "福建省" }, ["city"], Line(1));

        var plan = Resolve(batch);

        Assert.Empty(plan.Merged);
        Assert.Equal(new Dictionary<string, object> { ["name"] = "宁德时代", ["province"] = "福建省" }, Assert.Single(plan.Nodes).Properties);
        Assert.Empty(plan.RemovedProperties);
    }

    [Fact]
    public void ReplaceRelationships_IsPlannedForStoredNodesOnly()
    {
        var batch = new GraphBatch();
        batch.ReplaceRelationships("300750", RelType.LocatedIn);
        batch.ReplaceRelationships("new", RelType.LocatedIn);

        var plan = batch.Resolve(StoredEnterprise);

        Assert.Equal([new RelationshipReplacement("300750", RelType.LocatedIn)], plan.ReplacedRelationships);
    }

    [Fact]
    public void Conflict_IsReportedInFileAndLineOrder()
    {
        var batch = new GraphBatch();
        batch.Conflict(new("company_product.json", 7), "688080", "映翰通", "海螺水泥");
        batch.Conflict(new("company.json", 3812), "688080", "红星美凯龙家居集团股份有限公司", "安徽海螺水泥股份有限公司");

        var plan = Resolve(batch);

        Assert.Equal([("company.json", 3812L), ("company_product.json", 7L)], plan.Conflicts.Select(c => (c.File, c.Line)));
        Assert.Equal(("688080", "红星美凯龙家居集团股份有限公司", "安徽海螺水泥股份有限公司"),
            (plan.Conflicts[0].Id, plan.Conflicts[0].KeptName, plan.Conflicts[0].ConflictingName));
    }
}
