// These layout extensions ship no type declarations.
declare module "cytoscape-fcose";
declare module "cytoscape-dagre";
