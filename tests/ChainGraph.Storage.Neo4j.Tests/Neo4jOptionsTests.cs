namespace ChainGraph.Storage.Neo4j.Tests;

public sealed class Neo4jOptionsTests
{
    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        var options = new Neo4jOptions { Url = "bolt://localhost:7687", User = "", Password = "", Database = "bad name", BatchSize = 0, MaxRetries = -1 };

        var e = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Contains("not the driver protocol bolt://", e.Message);
        Assert.Contains("User is empty", e.Message);
        Assert.Contains("Password is empty", e.Message);
        Assert.Contains("Got: 'bad name'", e.Message);
        Assert.Contains("BatchSize must be between 1 and 100000. Got: 0", e.Message);
        Assert.Contains("MaxRetries must be between 0 and 100. Got: -1", e.Message);
    }

    [Fact]
    public void Validate_UrlWithCredentials_IsRejectedWithoutRepeatingThem()
    {
        var options = new Neo4jOptions { Url = $"http://neo4j:{TestClients.Password}@localhost:7474", Password = "x" };

        var e = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Contains("Url must not carry credentials", e.Message);
        Assert.DoesNotContain(TestClients.Password, e.Message + options);
    }

    [Fact]
    public void ToString_LeavesThePasswordOut()
    {
        var options = new Neo4jOptions { Url = "http://localhost:7474", Password = TestClients.Password };

        Assert.Equal("Neo4j http://localhost:7474 database neo4j as neo4j (batch 5000, request timeout 60 s, 4 retries)", options.ToString());
    }
}
