"""Video lessons: probing, transcoding to an HLS ladder, captions."""
