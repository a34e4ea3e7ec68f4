namespace ChainGraph.Model.Snapshot;

/// <summary>One node's snapshot columns (<see cref="SnapshotColumns"/>), read from its properties.</summary>
internal readonly record struct NodeRow(
    string Id, NodeLabel Label, string Name, string? Province, string? City, string? Country, string[] Tags,
    string? Stage, int Order, string? Match, string? Sector, double Capacity)
{
    /// <param name="property">A property's value by key, null when absent.</param>
    /// <param name="intern">Shares equal strings (places, tags, stages) between nodes.</param>
    public static NodeRow Read(string id, NodeLabel label, string name, Func<string, object?> property, Func<string?, string?> intern)
    {
        return new(id, label, name,
            intern(Read(SnapshotColumns.Province) as string),
            intern(Read(SnapshotColumns.City) as string),
            intern(Read(SnapshotColumns.Country) as string),
            Read(SnapshotColumns.Tags) is string[] { Length: > 0 } tags ? Array.ConvertAll(tags, t => intern(t)!) : [],
            intern(Read(SnapshotColumns.Stage) as string),
            Read(SnapshotColumns.Order) is long order and >= int.MinValue and <= int.MaxValue ? (int)order : 0,
            Read(SnapshotColumns.Match) as string,
            intern(Read(SnapshotColumns.Sector) as string),
            Read(SnapshotColumns.Capacity) is double capacity ? capacity : double.NaN);

        object? Read(PropertySpec column) => SnapshotColumns.Read(column, property);
    }

    /// <summary>This row with the columns whose keys <paramref name="written"/> holds taken from <paramref name="fresh"/>: a property write merges, as the store's does.</summary>
    public NodeRow Merge(NodeRow fresh, Func<string, bool> written) => this with
    {
        Name = fresh.Name,
        Province = written(SnapshotColumns.Province.Name) ? fresh.Province : Province,
        City = written(SnapshotColumns.City.Name) ? fresh.City : City,
        Country = written(SnapshotColumns.Country.Name) ? fresh.Country : Country,
        Tags = written(SnapshotColumns.Tags.Name) ? fresh.Tags : Tags,
        Stage = written(SnapshotColumns.Stage.Name) ? fresh.Stage : Stage,
        Order = written(SnapshotColumns.Order.Name) ? fresh.Order : Order,
        Match = written(SnapshotColumns.Match.Name) ? fresh.Match : Match,
        Sector = written(SnapshotColumns.Sector.Name) ? fresh.Sector : Sector,
        Capacity = written(SnapshotColumns.Capacity.Name) ? fresh.Capacity : Capacity,
    };
}

/// <summary>The node columns of a snapshot, one <see cref="NodeColumn{T}"/> per attribute.</summary>
internal sealed record NodeColumns(
    NodeColumn<string> Ids, NodeColumn<NodeLabel> Labels, NodeColumn<string> Names, NodeColumn<string?> Provinces, NodeColumn<string?> Cities,
    NodeColumn<string?> Countries, NodeColumn<string[]> Tags, NodeColumn<string?> Stages, NodeColumn<int> Orders, NodeColumn<string?> Matches,
    NodeColumn<string?> Sectors, NodeColumn<double> Capacities)
{
    public static NodeColumns From(IReadOnlyList<NodeRow> rows)
    {
        return new(
            Column(r => r.Id), Column(r => r.Label), Column(r => r.Name), Column(r => r.Province), Column(r => r.City), Column(r => r.Country),
            Column(r => r.Tags), Column(r => r.Stage), Column(r => r.Order), Column(r => r.Match), Column(r => r.Sector), Column(r => r.Capacity));

        NodeColumn<T> Column<T>(Func<NodeRow, T> value) => NodeColumn<T>.From(rows.Count, v => value(rows[v]));
    }

    public NodeRow Row(int v) => new(Ids[v], Labels[v], Names[v], Provinces[v], Cities[v], Countries[v], Tags[v], Stages[v], Orders[v],
        Matches[v], Sectors[v], Capacities[v]);

    public Editor Edit() => new(this);

    /// <summary>Row changes for the next version; each column copies only the chunks they touch.</summary>
    internal sealed class Editor(NodeColumns columns)
    {
        readonly NodeColumn<string>.Editor ids = columns.Ids.Edit();
        readonly NodeColumn<NodeLabel>.Editor labels = columns.Labels.Edit();
        readonly NodeColumn<string>.Editor names = columns.Names.Edit();
        readonly NodeColumn<string?>.Editor provinces = columns.Provinces.Edit();
        readonly NodeColumn<string?>.Editor cities = columns.Cities.Edit();
        readonly NodeColumn<string?>.Editor countries = columns.Countries.Edit();
        readonly NodeColumn<string[]>.Editor tags = columns.Tags.Edit();
        readonly NodeColumn<string?>.Editor stages = columns.Stages.Edit();
        readonly NodeColumn<int>.Editor orders = columns.Orders.Edit();
        readonly NodeColumn<string?>.Editor matches = columns.Matches.Edit();
        readonly NodeColumn<string?>.Editor sectors = columns.Sectors.Edit();
        readonly NodeColumn<double>.Editor capacities = columns.Capacities.Edit();

        public int Count => ids.Count;

        public NodeRow Row(int v) => new(ids[v], labels[v], names[v], provinces[v], cities[v], countries[v], tags[v], stages[v], orders[v],
            matches[v], sectors[v], capacities[v]);

        public void Set(int v, NodeRow row)
        {
            ids[v] = row.Id;
            labels[v] = row.Label;
            names[v] = row.Name;
            provinces[v] = row.Province;
            cities[v] = row.City;
            countries[v] = row.Country;
            tags[v] = row.Tags;
            stages[v] = row.Stage;
            orders[v] = row.Order;
            matches[v] = row.Match;
            sectors[v] = row.Sector;
            capacities[v] = row.Capacity;
        }

        public int Add(NodeRow row)
        {
            ids.Add(row.Id);
            labels.Add(row.Label);
            names.Add(row.Name);
            provinces.Add(row.Province);
            cities.Add(row.City);
            countries.Add(row.Country);
            tags.Add(row.Tags);
            stages.Add(row.Stage);
            orders.Add(row.Order);
            matches.Add(row.Match);
            sectors.Add(row.Sector);
            capacities.Add(row.Capacity);
            return Count - 1;
        }

        public void RemoveLast()
        {
            ids.RemoveLast();
            labels.RemoveLast();
            names.RemoveLast();
            provinces.RemoveLast();
            cities.RemoveLast();
            countries.RemoveLast();
            tags.RemoveLast();
            stages.RemoveLast();
            orders.RemoveLast();
            matches.RemoveLast();
            sectors.RemoveLast();
            capacities.RemoveLast();
        }

        public NodeColumns Build() => new(ids.Build(), labels.Build(), names.Build(), provinces.Build(), cities.Build(), countries.Build(),
            tags.Build(), stages.Build(), orders.Build(), matches.Build(), sectors.Build(), capacities.Build());
    }
}
