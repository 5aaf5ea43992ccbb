// SCAFFOLD (issue 8): replaced by the viewer (renderer/viewer/) — the stage, camera and bulk layer.
export function ViewerScreen({ datasetId, imageId }: { datasetId: string; imageId: string }) {
  return (
    <div data-testid="viewer" data-dataset-id={datasetId} data-image-id={imageId}>
      Loading image…
    </div>
  );
}
